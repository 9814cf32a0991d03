/**
 * What one response was built from: the catalog version and each product's stock generation (by its
 * Redis key) its cached reads were stamped with. A response cache may keep the response for exactly as long as all of
 * them are current; reads that saw two different stamps for one thing make it unkeepable.
 */
export class CatalogReads {
  private versionSeen: string | undefined;
  private readonly stockSeen = new Map<string, string>();
  private mixed = false;

  sawVersion(version: string): void {
    if (this.versionSeen !== undefined && this.versionSeen !== version) this.mixed = true;
    this.versionSeen = version;
  }

  sawStock(generationKey: string, generation: string): void {
    const earlier = this.stockSeen.get(generationKey);
    if (earlier !== undefined && earlier !== generation) this.mixed = true;
    this.stockSeen.set(generationKey, generation);
  }

  /** The stamps to keep a response under, or undefined when it must not be kept. */
  stamps(): { version: string; stock: [generationKey: string, generation: string][] } | undefined {
    if (this.mixed || this.versionSeen === undefined) return undefined;
    return { version: this.versionSeen, stock: [...this.stockSeen] };
  }
}
