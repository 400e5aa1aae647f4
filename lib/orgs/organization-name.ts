// A Hugging Face handle (huggingface.co/<name>): what the importer accepts as an
// organization and what /orgs/<name> routes; anything else never reaches the database.
export const ORGANIZATION_NAME = /^[A-Za-z0-9][\w.-]{0,99}$/;
