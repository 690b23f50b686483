/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Escaped text whose `backquoted` spans (as rule texts write code) become <code> elements. */
export function withInlineCode(text: string): string {
    return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** Escaped text of a long token (type token, URN) that may wrap after its separators. */
export function breakableToken(text: string): string {
    return escapeHtml(text).replace(/([:/$])/g, "$1<wbr>");
}
