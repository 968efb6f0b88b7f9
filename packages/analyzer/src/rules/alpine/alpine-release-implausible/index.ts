import type { Rule } from '../../framework/types';
import { check } from './check';
import { meta } from './meta';

export const rule: Rule = { meta, check };
