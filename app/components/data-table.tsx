import { useId, type ReactNode } from "react";

/**
 * A table with its caption, in a box that scrolls sideways when the table is wider than a phone.
 * The box is a named region in the tab order, so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function DataTable({ caption, className = "", children }: { caption: string; className?: string; children: ReactNode }) {
  const captionId = useId();
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={`data-table ${className}`.trim()}>
        <caption id={captionId}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
