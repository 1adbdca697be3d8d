import { checkTransaction, type DocumentKind, documentSections } from "@teamaround/domain";
import * as Y from "yjs";

/**
 * A copy of a loaded document that every client update is tried on first.
 * An update that throws part-way, or leaves the document outside its schema
 * (`checkTransaction`: the kind's sections and the nodes the editor renders),
 * harms only the copy, which is rebuilt from the real document; the real one
 * never sees it, so it is never stored or relayed. The schema check reads
 * only the types the update's transaction changed and the content it created.
 *
 * The copy is built when a client's update first needs it and dropped again
 * when clients have sent none for a while (`releaseIfIdle`): a document that
 * is only read — most of them, most of the time — holds one Y.Doc, not two.
 */
export class ShadowDocument {
  private copy: Y.Doc | null = null;
  /** `Date.now()` when a client's update last went through the copy. */
  private lastUsedAt = 0;

  constructor(
    private readonly kind: DocumentKind,
    private readonly source: Y.Doc,
    /** Told each time the copy is built (counted in the server's stats). */
    private readonly onBuild: () => void = () => {},
  ) {}

  /** Whether the copy is in memory now. */
  get held(): boolean {
    return this.copy !== null;
  }

  /** Null when the update applied and the document conforms; otherwise why not (the copy is restored). */
  tryUpdate(update: Uint8Array): string | null {
    this.copy ??= this.rebuild();
    this.lastUsedAt = Date.now();
    const copy = this.copy;
    let problem: string | null = null;
    try {
      Y.transact(copy, (transaction) => {
        Y.applyUpdate(copy, update);
        problem = checkTransaction(this.kind, copy, transaction);
      });
    } catch {
      problem = "malformed update";
    }
    if (problem !== null) this.release();
    return problem;
  }

  /** Keeps a copy in memory level with an update the real document took another way (relay, server). */
  mirror(update: Uint8Array): void {
    if (!this.copy) return;
    try {
      Y.applyUpdate(this.copy, update);
    } catch {
      this.release();
    }
  }

  /** Drops the copy if no client's update used it since `before` (ms since the epoch). */
  releaseIfIdle(before: number): boolean {
    if (!this.copy || this.lastUsedAt >= before) return false;
    this.release();
    return true;
  }

  destroy(): void {
    this.release();
  }

  /** The next client update rebuilds the copy from the real document. */
  private release(): void {
    this.copy?.destroy();
    this.copy = null;
  }

  private rebuild(): Y.Doc {
    this.onBuild();
    const copy = new Y.Doc({ gc: this.source.gc, guid: "shadow" });
    // Typed up front, so roots that arrive later are known fragments, not untyped.
    for (const section of documentSections[this.kind]) copy.getXmlFragment(section);
    // The real document's parts waiting for dependencies are applied as it
    // holds them, not merged into its state: rebuilt from one merged update
    // (what encodeStateAsUpdate gives), the copy's waiting parts could differ,
    // and a crafted update then passed the copy and threw on the real one.
    const { store } = this.source;
    const { pendingStructs, pendingDs } = store;
    store.pendingStructs = null;
    store.pendingDs = null;
    let state: Uint8Array;
    try {
      state = Y.encodeStateAsUpdateV2(this.source);
    } finally {
      store.pendingStructs = pendingStructs;
      store.pendingDs = pendingDs;
    }
    Y.applyUpdateV2(copy, state);
    if (pendingStructs) Y.applyUpdateV2(copy, pendingStructs.update);
    if (pendingDs) Y.applyUpdateV2(copy, pendingDs);
    return copy;
  }
}
