/**
 * General English synonym groups, common in news writing. Not tied to any story: each group lists words a
 * reader may use for the same idea, so a question phrased differently from the article still matches.
 * The first word of a group names it. Words are stemmed when the table is built (see terms.ts).
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['greet', 'welcome', 'meet', 'met', 'host', 'hosted'],
  ['receive', 'received', 'get', 'got', 'obtain', 'gain', 'earn', 'exchange'],
  ['arrive', 'arrival', 'land', 'landed', 'reach', 'reached'],
  ['visit', 'trip', 'journey', 'tour', 'travel', 'traveled', 'travelled', 'went', 'go', 'goes', 'gone'],
  ['weapon', 'arms', 'armament', 'munition', 'ammunition'],
  ['supply', 'supplied', 'send', 'sent', 'provide', 'provided', 'give', 'gave', 'given', 'deliver', 'transfer'],
  ['invasion', 'invade', 'invaded', 'attack', 'offensive', 'incursion', 'war'],
  ['begin', 'began', 'begun', 'start', 'launch', 'initiate', 'commence'],
  ['praise', 'commend', 'laud', 'hail', 'applaud'],
  ['concern', 'worry', 'worried', 'apprehension', 'fear', 'alarm', 'unease'],
  ['say', 'said', 'tell', 'told', 'announce', 'declare', 'claim', 'describe', 'call', 'called'],
  ['report', 'reported'],
  ['believe', 'believed', 'suspect', 'suspected', 'allege', 'alleged', 'thought'],
  ['itinerary', 'schedule', 'agenda', 'programme', 'plan', 'planned'],
  ['write', 'wrote', 'written', 'publish', 'published', 'article', 'op-ed'],
  ['deny', 'denied', 'reject', 'rejected', 'refute', 'dismiss'],
  ['kill', 'killed', 'die', 'died', 'dead', 'death'],
  ['leader', 'head', 'chief', 'ruler'],
  ['country', 'nation', 'countries', 'nations'],
  ['agreement', 'deal', 'pact', 'treaty', 'accord'],
  ['aid', 'help', 'assistance', 'assist'],
  ['goal', 'aim', 'objective', 'purpose', 'want', 'seek', 'sought'],
  ['accommodation', 'residence', 'hotel', 'lodging', 'guesthouse', 'stay', 'stayed'],
  ['sanction', 'embargo', 'penalty'],
  ['relation', 'relationship', 'ties', 'tie', 'bond', 'partnership', 'alliance'],
  ['buy', 'bought', 'purchase', 'acquire', 'acquired'],
  ['sell', 'sold', 'sale'],
  ['talk', 'discussion', 'discuss', 'negotiation', 'negotiate'],
  ['big', 'large', 'huge', 'major'],
  ['small', 'little', 'minor'],
  ['car', 'automobile', 'vehicle', 'motorcade', 'convoy'],
  ['military', 'army', 'defense', 'defence', 'troop', 'troops'],
  ['cooperation', 'collaboration', 'cooperate', 'collaborate'],
  ['nuclear', 'atomic'],
  ['win', 'won', 'victory', 'triumph'],
  ['build', 'built', 'construct', 'constructed', 'erect'],
  ['establish', 'established', 'create', 'created'],
  ['food', 'grain', 'rice'],
  ['energy', 'fuel', 'oil'],
  ['old', 'age', 'aged'],
  ['job', 'work', 'occupation', 'profession', 'career'],
  ['money', 'fund', 'funding', 'cash', 'payment', 'pay', 'paid'],
  ['picture', 'photo', 'photograph', 'image'],
  ['film', 'movie'],
  ['tall', 'height', 'high'],
];

/**
 * Two-word phrases that mean one word: the first word is read as the given one when the second follows
 * ("get to Pyongyang" is "reach Pyongyang", not "receive").
 */
export const PHRASAL: ReadonlyMap<string, { next: string; as: string }> = new Map([
  ['get', { next: 'to', as: 'reach' }],
  ['gets', { next: 'to', as: 'reaches' }],
  ['got', { next: 'to', as: 'reached' }],
  ['getting', { next: 'to', as: 'reaching' }],
  ['set', { next: 'off', as: 'depart' }],
  ['take', { next: 'place', as: 'happen' }],
  ['took', { next: 'place', as: 'happened' }],
]);
