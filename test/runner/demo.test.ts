import { resolve } from 'node:path';
import { PACKAGE_DIR, spawnNode } from './helpers.js';

/** `npm run demo`, spawned as users run it: the engine, the sandbox, the runner and the conversation. */
test('the demo pairs a session, serves the auto-reply example and prints the conversation', async () => {
	const demo = spawnNode(resolve(PACKAGE_DIR, 'runner/dist/demo.js'), []);
	const { code } = await demo.exited;
	expect({ code, stderr: demo.stderr() }).toEqual({ code: 0, stderr: '' });
	const lines = demo.stdout().split('\n');
	expect(lines).toEqual(
		expect.arrayContaining([
			expect.stringMatching(/^Engine \(sandbox\) on http:\/\/127\.0\.0\.1:\d+$/),
			'Session "demo" linked to the simulated phone +4915100000001',
			'Alice → Shop: Hi! Are you open on Saturday?',
			'Shop → Alice: Hi Alice, thanks for your message! We answer within one working day. You wrote: "Hi! Are you open on Saturday?"',
			'Alice → Shop: Do you have the blue one in size M?',
			'Shop → Alice: Hi Alice, thanks for your message! We answer within one working day. You wrote: "Do you have the blue one in size M?"',
			expect.stringMatching(/^Done in \d+\.\d s\.$/),
		]),
	);
	// The conversation in order: each answer right after its question.
	const conversation = lines.filter((line) => line.includes(' → '));
	expect(conversation.map((line) => line.split(':')[0])).toEqual(['Alice → Shop', 'Shop → Alice', 'Alice → Shop', 'Shop → Alice']);
}, 90_000);
