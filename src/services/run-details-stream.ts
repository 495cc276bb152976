/**
 * A run's bulky part (RunDetails, run-report.ts) written as the six steps find their blockers: the
 * blockers found in each slice of validationInSteps are turned into JSON, handed to the compressor
 * and let go, so a large release's ~100k blockers never all live at once. Held to the end, they
 * outlived several of V8's young-generation collections and were copied into the old generation,
 * then written out whole: ~0.3 s of garbage collection on a 100k-component import (issue 13 item 5).
 * The compressed text is exactly the JSON of the details splitReport would have made.
 */
import type { Blocker, GeneralisationPlaces, ResolvedUsage } from '../compliance/index.js';
import { GzipJsonWriter, sliceTexts } from '../store/index.js';

export class RunDetailsStream {
  /** The steps' lists of blockers, as validationInSteps adds them (ValidateOptions.stepLists). */
  readonly stepLists: Blocker[][] = [];
  private readonly writer = new GzipJsonWriter(1);
  constructor(
    /** Whether blockers are replaced by undefined once written (else they stay, for a caller that reads them). */
    private readonly letGo = true,
  ) {}

  /** The list being written, how many of its blockers are, and whether its `[` is. */
  private list = 0;
  private taken = 0;
  private opened = false;
  private started = false;

  /** Writes the blockers found since the last call and lets go of them (each becomes undefined in its list) unless kept. */
  async drain(): Promise<void> {
    if (!this.started) {
      this.started = true;
      await this.writer.text('{"blockers":[');
    }
    while (this.list < this.stepLists.length) {
      const blockers = this.stepLists[this.list]!;
      if (this.taken < blockers.length) {
        for (const text of sliceTexts(blockers, this.taken)) {
          await this.writer.slice(text, !this.opened);
          this.opened = true;
        }
        if (this.letGo) blockers.fill(undefined as unknown as Blocker, this.taken);
        this.taken = blockers.length;
      }
      // The last list may still grow; a list before it is whole.
      if (this.list === this.stepLists.length - 1) return;
      await this.closeList();
      await this.writer.text(',');
    }
  }

  /** The details once validation is done: the last blockers, the resolved usages and the places; compressed. */
  async finish(usages: readonly ResolvedUsage[], places: GeneralisationPlaces | undefined): Promise<Buffer> {
    await this.drain();
    if (this.list < this.stepLists.length) await this.closeList();
    await this.writer.text('],"usages":');
    let first = true;
    for (const text of sliceTexts(usages)) {
      await this.writer.slice(text, first);
      first = false;
    }
    await this.writer.text(first ? '[]' : ']');
    if (places !== undefined) await this.writer.text(`,"places":${JSON.stringify(places)}`);
    await this.writer.text('}');
    return this.writer.end();
  }

  /** Stops the compressor of a stream given up (after finish, nothing is left to stop). */
  destroy(): void {
    this.writer.destroy();
  }

  private async closeList(): Promise<void> {
    await this.writer.text(this.opened ? ']' : '[]');
    this.list++;
    this.taken = 0;
    this.opened = false;
  }
}
