/** jsbarcode's Code 128 encoder (automatic A/B/C switching), without its DOM renderers. */
declare module 'jsbarcode/bin/barcodes/CODE128' {
  export class CODE128 {
    constructor(text: string, options: object);
    valid(): boolean;
    /** `data`: one character per module, "1" a bar, "0" a space. */
    encode(): { text: string; data: string };
  }
}
