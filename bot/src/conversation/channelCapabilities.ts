/**
 * What a channel can show of a reply's Adaptive Card, so the engine's words promise only what the
 * member can do there. Teams renders the card as it is; a WeCom template card holds buttons and
 * selections but no text input, so its members answer a form field by field.
 */
export interface ChannelCapabilities {
  /** The channel's cards can hold text input fields (Adaptive Card Input.Text). */
  typedCardInputs: boolean;
}

/** A channel that renders the Adaptive Cards as they are (Teams). */
export const ADAPTIVE_CARD_CHANNEL: ChannelCapabilities = { typedCardInputs: true };
