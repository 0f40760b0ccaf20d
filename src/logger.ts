import pino from 'pino';
import { logLevelFrom } from './config.ts';

export const logger = pino({ level: logLevelFrom(), base: { service: 'mokuhyo' } });
