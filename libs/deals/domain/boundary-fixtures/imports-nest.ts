// domain-is-pure: no packages in the domain, Nest least of all.
export type { Type } from '@nestjs/common';
