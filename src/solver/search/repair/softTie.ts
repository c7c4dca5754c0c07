// How the repair moves weigh soft cost against hard cost when choosing a move.

/** Weight of the soft change against one unit of hard cost: hard decides, soft breaks ties. */
export const SOFT_TIE = 1e-4;
