/**
 * Types of the Node-side commands in `scripts/golden/golden-commands.mjs` (registered in the
 * browser project of vitest.config.ts): the page asks them for the plan and for dcmtk renderings.
 */

/** dcmtk's renderer for a transfer syntax: native and RLE, JPEG, JPEG-LS. */
export type DcmtkTool = 'dcm2pnm' | 'dcmj2pnm' | 'dcml2pnm';

/** One image of the golden set. */
export interface GoldenCase {
  /** Short unique name, for test titles. */
  name: string;
  /** Where the page fetches the DICOM file (`/@fs/…`). */
  url: string;
  /** The file's absolute path on the Node side, handed back to `goldenReference`. */
  file: string;
  /** grey: compared to dcmtk; colour: compared to the decoded RGB. */
  kind: 'grey' | 'colour';
  /** dcmtk's renderer for grey images. */
  tool: DcmtkTool | null;
  transferSyntax: string;
}

/** A corpus file left out, and why. */
export interface GoldenExclusion {
  name: string;
  reason: string;
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    goldenPlan: () => Promise<{ cases: GoldenCase[]; excluded: GoldenExclusion[] }>;
    goldenReference: (request: {
      file: string;
      tool: DcmtkTool;
      center: number;
      width: number;
    }) => Promise<{ url: string }>;
  }
}
