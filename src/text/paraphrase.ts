/**
 * General English paraphrase that WordNet does not link but readers use all the time in news chat
 * ("trip" for a visit, "met" for greeted, "sent" for supplied). Every group is ordinary English any news
 * story needs; none holds a word because one story or one question used it. WordNet (src/lexicon) does
 * the rest. Words are base forms; the meaning map (meaning.ts) lemmatises both sides.
 */
export const PARAPHRASE_GROUPS: readonly (readonly string[])[] = [
  ['greet', 'welcome', 'meet', 'host'],
  ['visit', 'trip', 'journey', 'tour', 'travel', 'go', 'come'],
  ['arrive', 'arrival', 'land', 'reach', 'touch down', 'fly into'],
  ['take', 'bring', 'carry', 'drive', 'transport', 'ride', 'travel'],
  ['leave', 'depart', 'departure', 'exit'],
  ['say', 'tell', 'state', 'announce', 'declare', 'claim', 'describe', 'call', 'add'],
  ['believe', 'suspect', 'allege', 'think', 'assume'],
  ['write', 'publish', 'pen', 'author', 'article', 'op-ed', 'piece', 'column'],
  ['deny', 'reject', 'refute', 'dismiss'],
  ['kill', 'die', 'dead', 'death'],
  ['leader', 'head', 'chief', 'boss'],
  ['agreement', 'deal', 'pact', 'treaty', 'accord'],
  ['help', 'aid', 'assist', 'assistance', 'support', 'back', 'backing'],
  ['goal', 'aim', 'objective', 'purpose', 'want', 'seek'],
  ['talk', 'discussion', 'discuss', 'negotiation', 'negotiate'],
  ['win', 'victory', 'beat', 'triumph'],
  ['lose', 'loss', 'defeat'],
  ['buy', 'purchase', 'acquire'],
  ['sell', 'sale'],
  ['send', 'supply', 'provide', 'give', 'deliver', 'ship', 'transfer', 'hand over'],
  ['get', 'receive', 'obtain', 'gain'],
  ['exchange', 'swap', 'trade', 'return'],
  ['weapon', 'arms', 'armament', 'munition', 'ammunition'],
  ['begin', 'start', 'launch', 'open'],
  ['end', 'finish', 'close', 'conclude'],
  ['praise', 'commend', 'laud', 'hail', 'thank', 'applaud'],
  ['criticize', 'condemn', 'denounce', 'attack', 'blame'],
  ['worry', 'concern', 'fear', 'unease', 'apprehension', 'nervous', 'worried', 'alarm'],
  ['money', 'fund', 'funding', 'cash', 'pay', 'payment'],
  ['schedule', 'agenda', 'itinerary', 'programme', 'program', 'plan'],
  ['relation', 'relationship', 'ties', 'tie', 'bond', 'partnership', 'alliance'],
  ['country', 'nation', 'state'],
  ['big', 'large', 'huge', 'major'],
  ['small', 'little', 'minor'],
  ['rise', 'increase', 'climb', 'jump', 'grow', 'gain', 'surge'],
  ['fall', 'drop', 'decline', 'decrease', 'slide', 'sink'],
  ['score', 'goal'],
  ['attack', 'invade', 'invasion', 'offensive', 'war'],
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
