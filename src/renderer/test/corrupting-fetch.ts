/**
 * Main's way to the cloud (nodeFetch), with the first sale.completed
 * document of each push corrupted on the wire (its total no longer a
 * number): the cloud rejects that one document for its content and takes
 * the others, as it would a malformed document.
 */
import { nodeFetch } from './node-fetch';

export function corruptingFirstSale(): typeof globalThis.fetch {
  return (input, init) => {
    if (typeof init?.body !== 'string') return nodeFetch(input, init);
    const body = JSON.parse(init.body) as { documents?: { type: string; payload: Record<string, unknown> }[] };
    const victim = body.documents?.find((d) => d.type === 'sale.completed');
    if (victim) victim.payload.total = 'lots';
    return nodeFetch(input, { ...init, body: JSON.stringify(body) });
  };
}
