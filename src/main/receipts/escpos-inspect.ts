/**
 * Reads ESC/POS bytes back into printed lines and a list of commands, the way
 * a printer would see them. Used by tests (and usable by a preview) to check
 * what actually goes to the paper: line widths, characters, barcodes, cuts.
 * It knows the commands our encoder emits; anything else is reported as an
 * error rather than guessed, so a surprise in the byte stream fails loudly.
 */

/** Bytes 0x80-0xFF of code page 858 (PC850 with the euro sign at 0xD5). */
const CP858_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

export interface PrintedLine {
  text: string;
  /** Columns the line takes on paper: characters times the current width multiplier. */
  columns: number;
}

export interface EscposReading {
  lines: PrintedLine[];
  /** Commands in order, e.g. "ESC @", "ESC t 19", "GS k 73", "GS V 1", "ESC p". */
  commands: string[];
  /** Data of each barcode (GS k), as text. */
  barcodes: string[];
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

export function inspectEscpos(bytes: Uint8Array): EscposReading {
  const lines: PrintedLine[] = [];
  const commands: string[] = [];
  const barcodes: string[] = [];
  let text = '';
  let columns = 0;
  let widthMultiplier = 1;
  let i = 0;
  const at = (k: number): number => {
    const b = bytes[k];
    if (b === undefined) throw new Error(`ESC/POS stream ends inside a command at byte ${k}`);
    return b;
  };
  const endLine = () => {
    lines.push({ text, columns });
    text = '';
    columns = 0;
  };

  while (i < bytes.length) {
    const b = at(i);
    if (b === 0x0a) {
      endLine();
      i += 1;
    } else if (b === 0x0d) {
      // Carriage return: the encoder sends LF CR; the LF already ended the line.
      i += 1;
    } else if (b === ESC) {
      const cmd = at(i + 1);
      const name = String.fromCharCode(cmd);
      if (cmd === 0x40 || cmd === 0x32) {
        commands.push(`ESC ${name}`);
        i += 2;
      } else if (cmd === 0x70) {
        commands.push('ESC p');
        i += 5;
      } else if (cmd === 0x64) {
        // ESC d n: print and feed n lines.
        const n = at(i + 2);
        commands.push(`ESC d ${n}`);
        endLine();
        for (let k = 1; k < n; k++) endLine();
        i += 3;
      } else if ('tMEa-4G3J!'.includes(name)) {
        commands.push(`ESC ${name} ${at(i + 2)}`);
        i += 3;
      } else {
        throw new Error(`unknown ESC command 0x${cmd.toString(16)} at byte ${i}`);
      }
    } else if (b === GS) {
      const cmd = at(i + 1);
      const name = String.fromCharCode(cmd);
      if (cmd === 0x21) {
        const n = at(i + 2);
        widthMultiplier = ((n >> 4) & 0x07) + 1;
        commands.push(`GS ! ${n}`);
        i += 3;
      } else if (cmd === 0x6b) {
        const m = at(i + 2);
        commands.push(`GS k ${m}`);
        if (m >= 65) {
          const n = at(i + 3);
          barcodes.push(String.fromCharCode(...bytes.slice(i + 4, i + 4 + n)));
          i += 4 + n;
        } else {
          let end = i + 3;
          while (at(end) !== 0) end += 1;
          barcodes.push(String.fromCharCode(...bytes.slice(i + 3, end)));
          i = end + 1;
        }
      } else if (cmd === 0x56) {
        const m = at(i + 2);
        commands.push(`GS V ${m}`);
        i += m === 65 || m === 66 ? 4 : 3;
      } else if (cmd === 0x28) {
        // GS ( x pL pH data: a length-prefixed function.
        commands.push(`GS ( ${String.fromCharCode(at(i + 2))}`);
        i += 5 + at(i + 3) + at(i + 4) * 256;
      } else if ('hwHBfL'.includes(name)) {
        commands.push(`GS ${name} ${at(i + 2)}`);
        i += name === 'L' ? 4 : 3;
      } else {
        throw new Error(`unknown GS command 0x${cmd.toString(16)} at byte ${i}`);
      }
    } else if (b === FS) {
      const cmd = at(i + 1);
      if (cmd !== 0x2e) throw new Error(`unknown FS command 0x${cmd.toString(16)} at byte ${i}`);
      commands.push('FS .');
      i += 2;
    } else if (b < 0x20 || b === 0x7f) {
      throw new Error(`unexpected control byte 0x${b.toString(16)} at byte ${i}`);
    } else {
      text += b < 0x80 ? String.fromCharCode(b) : CP858_HIGH[b - 0x80]!;
      columns += widthMultiplier;
      i += 1;
    }
  }
  if (text) endLine();
  return { lines, commands, barcodes };
}
