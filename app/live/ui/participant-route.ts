/** The participant's page (`/live/:liveSessionId`), as Remix names its route: where the join pages lead. */
export const participantRoute = "routes/live.$liveSessionId._index";
