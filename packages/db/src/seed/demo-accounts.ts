import type { Role } from "../generated/prisma/enums.ts";

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
}

export const demoAccounts: DemoAccount[] = [
  { email: "admin@stockroom.dev", name: "Ada Admin", role: "ADMIN" },
  { email: "staff@stockroom.dev", name: "Sam Staff", role: "STAFF" },
  { email: "shopper@stockroom.dev", name: "Sophie Shopper", role: "CUSTOMER" },
];
