import { execFile, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';

// This file runs in the jest `unit` project: its setup refuses servers and processes there.
describe('the unit project', () => {
  it('refuses to start a process, saying where the test belongs', () => {
    expect(() => spawn(process.execPath, ['--version'])).toThrow('move this test to the integration project');
    expect(() => execFile(process.execPath, ['--version'])).toThrow('move this test to the integration project');
  });

  it('refuses to listen, for net and http servers alike', () => {
    expect(() => net.createServer().listen(0, '127.0.0.1')).toThrow('move this test to the integration project');
    expect(() => http.createServer().listen(0, '127.0.0.1')).toThrow('move this test to the integration project');
  });
});
