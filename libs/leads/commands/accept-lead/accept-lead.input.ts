import { InputType } from '@nestjs/graphql';
import { LeadUpdateInput } from '../lead-update.input.js';

@InputType()
export class AcceptLeadInput extends LeadUpdateInput {}
