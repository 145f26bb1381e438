import type { ConversationPorts, Identity } from './ports.js';
import type { TurnTrace } from './trace.js';
import type { ChatReply, Lang, ParsedChatInput } from './types.js';

/** What every answer of one turn can use: the ports, who asks, the language, the trace being filled. */
export interface Turn {
  ports: ConversationPorts;
  input: ParsedChatInput;
  lang: Lang;
  /** State key of the user's questionnaire in this conversation. */
  key: string;
  trace: TurnTrace;
  /** The asker's identity, or undefined (no account, or not verified) — resolved once per turn. */
  identity(): Promise<Identity | undefined>;
  /** Runs `fn` for a registered user in a personal chat; otherwise says why not. */
  withIdentity(fn: (id: Identity) => Promise<ChatReply[]>): Promise<ChatReply[]>;
}
