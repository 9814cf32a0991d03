/** The one money formatter lives in domain/money.ts; this name stays for existing importers. */
export { formatMoney as formatMinorUnits } from "../domain/money.ts";
