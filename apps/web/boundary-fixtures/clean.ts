// Clean: the page imports packages and its own files.
export type { ReactNode } from 'react';
export type { default as codegen } from '../codegen.js';
