import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { dealAggregate } from '#deals';
import type { Currency } from '#shared';
import { CallerCommand, CommandRunner, CURRENCY, type Versioned } from '#shared/application';
import { dealOpening } from '../../application/deal-opening.js';
import { leadAggregate, parseConvertLeadInput, type ConvertLeadFields, type LeadConverted } from '../../domain/index.js';

/** Answers the id of the deal the lead was converted into. */
export class ConvertLeadCommand extends CallerCommand<Versioned<ConvertLeadFields>> {}

/**
 * Converts an accepted lead into its one deal: first the claim on the lead's own stream
 * (LeadConverted; the store's expected revision lets one conversion through, the others are
 * decided again on the converted lead and refused), then the deal, opened from the claim alone.
 * A claim found without its deal (a crash between the two appends) is finished by the next
 * conversion call on the lead, before it is answered: roll forward, never back.
 */
@CommandHandler(ConvertLeadCommand)
export class ConvertLeadHandler implements ICommandHandler<ConvertLeadCommand, string> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CURRENCY) private readonly currency: Currency,
  ) {}

  async execute({ input, caller }: ConvertLeadCommand): Promise<string> {
    const command = parseConvertLeadInput(input, this.currency);
    // One moment for the claim and the deal it opens.
    const context = this.runner.context(caller);
    const current = await this.runner.read(leadAggregate, command.leadId);
    const pending = current.state?.conversion ?? null;
    if (pending !== null) {
      await this.runner.handle(dealAggregate, pending.dealId, dealOpening(pending), context);
    } else {
      // Decided before anything is written: refuses the caller, a lead that cannot be converted,
      // and a deal id another deal holds, while the lead is still unclaimed.
      const [claim] = leadAggregate.decider.decide(command, current.state, context) as readonly LeadConverted[];
      if (claim !== undefined) {
        const deal = await this.runner.read(dealAggregate, command.dealId);
        dealAggregate.decider.decide(dealOpening(claim.data), deal.state, context);
      }
    }
    const result = await this.runner.handle(leadAggregate, command.leadId, command, context, input.expectedVersion);
    const conversion = result.state?.conversion ?? null;
    if (conversion === null) throw new Error(`Lead "${command.leadId}" was converted but holds no conversion`);
    await this.runner.handle(dealAggregate, conversion.dealId, dealOpening(conversion), context);
    return conversion.dealId;
  }
}
