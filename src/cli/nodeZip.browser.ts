/**
 * The workbench (a browser build) has no zlib: its webpack config puts this module in place of
 * nodeZip.ts, so the package falls back to its portable codec there. Node keeps zlib's speed.
 */
export const nodeZipCodec = undefined;
