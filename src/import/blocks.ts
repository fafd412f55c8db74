/**
 * What every front end (text, HTML, Word) produces and the document reader consumes: paragraphs
 * and tables as rows of cell texts, in reading order. Merged cells are already expanded; the
 * cells a merge covers are empty strings, as in a copy from Word.
 */
export interface ParaBlock {
  kind: "para";
  text: string;
}

export interface TableBlock {
  kind: "table";
  rows: string[][];
}

export type Block = ParaBlock | TableBlock;

