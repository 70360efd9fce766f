/** An address the user must correct; the message says which one and why (zh: the same in Chinese). */
export class AddressError extends Error {
  constructor(
    message: string,
    readonly zh: string
  ) {
    super(message);
  }
}

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * One plain address (name@example.com): no display name, no angle brackets, no commas, no spaces,
 * no line breaks; what a person would type, checked on its own.
 */
export function validateAddress(raw: string): string {
  const shown = JSON.stringify(raw);
  const address = raw.trim();
  // eslint-disable-next-line no-control-regex
  if (/[\r\n\u0000-\u001f\u007f]/.test(address))
    throw new AddressError(
      `${shown} is not an e-mail address: it holds a line break or control character`,
      `${shown}不是电子邮件地址：其中有换行符或控制字符`
    );
  if (/[<>,;\s"()[\]\\]/.test(address))
    throw new AddressError(
      `${shown} is not a plain e-mail address (name@example.com, nothing around it)`,
      `${shown}不是单纯的电子邮件地址（应为name@example.com，前后不带其他内容）`
    );
  const at = address.lastIndexOf("@");
  if (at <= 0 || address.indexOf("@") !== at)
    throw new AddressError(
      `${shown} is not an e-mail address (name@example.com)`,
      `${shown}不是电子邮件地址（应为name@example.com）`
    );
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const labels = domain.split(".");
  if (
    address.length > 254 ||
    local.length > 64 ||
    !LOCAL.test(local) ||
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    !/^[A-Za-z]{2,63}$/.test(labels[labels.length - 1])
  ) {
    throw new AddressError(
      `${shown} is not an e-mail address (name@example.com)`,
      `${shown}不是电子邮件地址（应为name@example.com）`
    );
  }
  return address;
}

/** "a@x.com, b@y.com" → each address validated on its own; empty entries are ignored. */
export function parseAddressList(text: string): string[] {
  const list = text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map(validateAddress);
  if (!list.length)
    throw new AddressError(
      "no recipient: give at least one address",
      "没有收件人：请至少给一个地址"
    );
  return list;
}
