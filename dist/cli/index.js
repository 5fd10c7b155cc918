#!/usr/bin/env node
import { runCli } from '../cutover/index.js';
process.exitCode = await runCli();
