import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import { renderNotice } from '../render/discord.ts';
import { UserError } from './errors.ts';
import { handleFeedback } from './feedback.ts';
import { send } from './reply.ts';
import { ADD_MODAL_ID, submitAddStory } from './story-admin.ts';
import { handlePick, parsePickId } from './story-pick.ts';
import type { BotContext } from './types.ts';

/**
 * Buttons and modal submissions: routed here, outside the command path. Unknown ones get a notice; a
 * UserError is shown as-is; other failures are logged and answered with an ephemeral apology, never left
 * without a reply.
 */
export async function handleComponent(interaction: ButtonInteraction | ModalSubmitInteraction, ctx: BotContext): Promise<void> {
  try {
    if (interaction.isButton()) await (parsePickId(interaction.customId) ? handlePick(interaction, ctx) : handleFeedback(interaction, ctx));
    else if (interaction.customId === ADD_MODAL_ID) await submitAddStory(interaction, ctx);
    else await send(interaction, renderNotice('This form no longer works.'));
  } catch (err) {
    const expected = err instanceof UserError;
    if (expected) ctx.logger.info({ customId: interaction.customId, interactionId: interaction.id, reason: err.message }, 'refused');
    else ctx.logger.error({ err, customId: interaction.customId, interactionId: interaction.id }, 'component failed');
    const text = expected ? err.message : 'Something went wrong with that; it has been logged. Please try again.';
    await send(interaction, renderNotice(text)).catch((e: unknown) => ctx.logger.error({ err: e }, 'could not send the error reply'));
  }
}
