// /subscribe: the digest sign-up form in full (email, daily or weekly, topics). ?topic=<slug>
// (repeatable) pre-selects topics, so a tag page can link here.
import type { Metadata } from "next";
import { z } from "zod";
import { SubscribeForm } from "@/components/subscribe-form";
import { isSubscribableTag, topicOptions } from "@/lib/subscribers/topics";

export const metadata: Metadata = {
  title: "Email digest",
  description: "Get the trending AI research papers in your inbox, daily or weekly, on the topics you choose.",
};

const querySchema = z.object({ topic: z.union([z.string(), z.array(z.string())]).optional() });

export default async function SubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = querySchema.safeParse(await searchParams);
  const requested = query.success ? [query.data.topic ?? []].flat() : [];
  const defaultTopics = requested.filter((slug) => slug.length <= 64 && isSubscribableTag(slug)).slice(0, 30);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Get trending papers in your inbox</h1>
        <p className="muted">
          A short email with the most upvoted new AI papers: every morning, or once a week. Choose topics to hear only about those, or none to get the best of everything.
          We send a confirmation link first, and every digest has a one-click unsubscribe.
        </p>
      </div>
      <div className="card">
        <SubscribeForm topics={topicOptions()} defaultTopics={defaultTopics} />
      </div>
      <ul className="list-disc pl-5 text-sm muted">
        <li>Up to 10 papers per email, ranked like the trending feed; a paper you already got never comes again.</li>
        <li>No email when there is nothing new for your topics.</li>
        <li>Your address is used for the digest and nothing else.</li>
      </ul>
    </div>
  );
}
