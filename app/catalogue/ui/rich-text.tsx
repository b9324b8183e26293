import { parseText, type ListItem } from "../text";

function Items({ items }: { items: ListItem[] }) {
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>
          {item.text}
          {item.children.length > 0 && <Items items={item.children} />}
        </li>
      ))}
    </ul>
  );
}

/** Renders catalogue text as React text nodes: markup in the source is shown, never run. */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {parseText(text).map((block, i) =>
        block.type === "paragraph" ? <p key={i}>{block.text}</p> : <Items key={i} items={block.items} />,
      )}
    </>
  );
}
