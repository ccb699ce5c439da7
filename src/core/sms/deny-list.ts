import { senderKey } from "../../values/sender-key";

export { senderKey } from "../../values/sender-key";

/** Gateway numbers, short codes and carrier names whose messages must never get an answer. */
export function isDeniedSender(sender: string, denied: readonly string[]): boolean {
  return denied.length > 0 && denied.includes(senderKey(sender));
}
