/** Kinds of conference, shared by the server's schema and the forms that offer them. */
export const conferenceKinds = ["future_conference", "workshop", "district_talk"] as const;
