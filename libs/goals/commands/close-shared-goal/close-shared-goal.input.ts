import { InputType } from '@nestjs/graphql';
import { GoalUpdateInput } from '../goal-update.input.js';

@InputType()
export class CloseSharedGoalInput extends GoalUpdateInput {}
