import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LOCAL_DIR = path.join(REPO_ROOT, '.local');
export const LOCAL_TABLE_NAME = 'werk-en-zorg';
export const LOCAL_REGION = 'eu-west-1';
