/** Any address no other route claims: a real 404 in the reader's language. */
export function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
