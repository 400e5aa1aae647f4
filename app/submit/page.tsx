// /submit: add an arXiv paper to today's feed by its id or link.
import type { Metadata } from "next";
import { SubmitForm } from "@/components/submit-form";
import { submitPaperAction } from "./actions";

export const metadata: Metadata = {
  title: "Submit a paper",
  description: "Add an arXiv paper to PaperPulse by its id or link.",
};

export default function SubmitPage() {
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Submit a paper</h1>
        <p className="muted">
          Found a paper that belongs here? Give its arXiv id or link. PaperPulse fetches it from arXiv, tags it, and lists it on today’s feed. A paper that is already here keeps
          the day it was first listed.
        </p>
      </div>
      <div className="card">
        <SubmitForm action={submitPaperAction} />
      </div>
      <div className="text-sm muted">
        <p className="font-medium text-stone-800 dark:text-stone-200">Accepted forms</p>
        <ul className="mt-1 list-disc pl-5">
          <li>
            an id: <code>2606.00467</code>, or an old-style one: <code>hep-th/9901001</code>
          </li>
          <li>
            an id with a version: <code>2606.00467v2</code> (the latest version is stored)
          </li>
          <li>
            a link: <code>https://arxiv.org/abs/2606.00467</code> or <code>https://arxiv.org/pdf/2606.00467v2</code>
          </li>
        </ul>
      </div>
    </div>
  );
}
