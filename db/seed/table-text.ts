/**
 * CSV text of one table for one slice of debtors. Rows are joined into flat pieces every few hundred rows:
 * template literals and `+=` build rope strings whose cells would otherwise live (and be promoted by the GC)
 * until the COPY, and flattening millions of them at write time cost more than generating them.
 */
export class TableText {
  private rows: string[] = [];
  pieces: string[] = [];
  chars = 0;

  add(row: string): void {
    this.rows.push(row);
  }

  seal(): void {
    if (this.rows.length === 0) return;
    const piece = this.rows.join("");
    this.rows = [];
    this.pieces.push(piece);
    this.chars += piece.length;
  }
}
