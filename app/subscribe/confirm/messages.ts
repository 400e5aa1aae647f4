// What the confirmation page and its button say about a link that cannot confirm, in one
// place: the page (on opening the link) and the action (on pressing the button) agree.

export const ALREADY_CONFIRMED = "This subscription is already confirmed. Nothing else to do: every digest has a link to manage it.";
export const EXPIRED = "This confirmation link has expired or was replaced by a newer one. Please sign up again.";
export const NOT_VALID = "This confirmation link is not complete or not valid. Copy the whole link from the email, or sign up again.";
