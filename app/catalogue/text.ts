/** A text field of the catalogue as blocks: paragraphs and (nested) lists, never HTML. */
export type TextBlock =
  | { type: "paragraph"; text: string }
  | { type: "list"; items: ListItem[] };
export type ListItem = { text: string; children: ListItem[] };

const bullet = /^(\s*)- (.*)$/;

export function parseText(source: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of source.replace(/\r\n/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk.split("\n").filter((line) => line.trim() !== "");
    let paragraph: string[] = [];
    let list: { items: ListItem[] } | null = null;
    const flushParagraph = () => {
      if (paragraph.length > 0) blocks.push({ type: "paragraph", text: paragraph.join(" ") });
      paragraph = [];
    };
    for (const line of lines) {
      const match = bullet.exec(line);
      if (!match) {
        list = null;
        paragraph.push(line.trim());
        continue;
      }
      flushParagraph();
      if (!list) {
        list = { items: [] };
        blocks.push({ type: "list", items: list.items });
      }
      const depth = Math.floor(match[1]!.length / 2);
      let siblings = list.items;
      for (let level = 0; level < depth && siblings.length > 0; level++) {
        siblings = siblings[siblings.length - 1]!.children;
      }
      siblings.push({ text: match[2]!.trim(), children: [] });
    }
    flushParagraph();
  }
  return blocks;
}
