/**
 * The few web APIs the core may use because browsers (also the old webviews, with the pane's
 * polyfills) and Node both have them. tsconfig.core.json compiles the core with these and ES2022
 * only: no DOM, no Office, no Node. Signatures are the subset the core calls.
 */
declare global {
  interface TextDecoder {
    readonly encoding: string;
    decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
  }
  var TextDecoder: { prototype: TextDecoder; new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder };

  interface TextEncoder {
    readonly encoding: string;
    encode(input?: string): Uint8Array;
  }
  var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

  /** Timers (a deadline on a PDF read whose worker stopped answering, src/import/index.ts). */
  function setTimeout(handler: () => void, ms?: number): unknown;
  function clearTimeout(id: unknown): void;

  function atob(data: string): string;
  function btoa(data: string): string;
}

export {};
