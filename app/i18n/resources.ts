/** A namespace's messages; `common:meta.reviewed` is the one flag among the texts. */
export type Messages = { [key: string]: string | boolean | Messages };
