import type { FastifyReply, FastifyRequest } from "fastify";
import {
  QuizRequestSchema,
  QuizResponseSchema,
  type QuizRequest,
  type QuizResponse,
} from "../../src/schemas";
import {
  ClientClosedError,
  createCallContext,
  type CallContext,
} from "../call-context";
import { ProxyError } from "../errors";
import { JsonArrayItemScanner } from "../output/json-array-items";
import { extractJson } from "../output/json-extract";
import {
  curateQuestions,
  existingKeys,
  qualityScore,
  type CheckedQuestion,
} from "../output/quiz-quality";
import { OUTPUT_JSON_SCHEMA, quizPrompt } from "../prompts/quiz";
import { nullsToAbsent } from "../providers/strict-schema";
import { demoQuizQuestions } from "../providers/demo/quiz";
import { SseResponse } from "../sse/sse-response";
import { parseBody, toProxyError } from "./request-body";
import {
  MAX_RETRY_OUTPUT_TOKENS,
  nextTick,
  schemaVersion,
  truncated,
  wasCut,
  taskCacheKey,
  withSettings,
  type TaskRuntime,
} from "./task-runtime";

/**
 * Quiz generation. Questions are validated one by one (streamed as each closes), duplicates dropped,
 * excerpts checked against the content; when fewer than asked survive, the model is asked once more
 * for just the missing ones. quality_score comes from the checks.
 */
type Emit = (question: CheckedQuestion, index: number) => void;

/** One question's JSON schema: strict answers write null for absent optional fields. */
const QUESTION_JSON_SCHEMA = (
  OUTPUT_JSON_SCHEMA.properties as {
    questions: { items: Record<string, unknown> };
  }
).questions.items;

const TYPE_LABELS = {
  multiple_choice: "multiple choice",
  true_false: "true/false",
  multiple_answer: "multiple answer",
  short_answer: "short answer",
} as const;

function intro(request: QuizRequest): string {
  const { count, type, difficulty } = request.options;
  return `Writing ${count} ${difficulty} ${TYPE_LABELS[type]} question${count === 1 ? "" : "s"} from the content…`;
}

function respond(
  request: QuizRequest,
  questions: CheckedQuestion[],
  demo: boolean,
): QuizResponse {
  const response = {
    questions,
    total: questions.length,
    type: request.options.type,
    quality_score: qualityScore(questions),
    demo,
  };
  if (!QuizResponseSchema.safeParse(response).success) {
    throw new ProxyError(
      "invalid_model_output",
      "the quiz does not match the response schema",
    );
  }
  return response;
}

export function quizTaskHandler(runtime: TaskRuntime) {
  const version = schemaVersion(QuizResponseSchema);

  /**
   * One model call; accepted questions are appended to `accepted` and emitted as they validate.
   * Answers true when the answer was cut at the output limit (the questions before the cut count).
   */
  async function ask(
    request: QuizRequest,
    call: CallContext,
    wanted: number,
    accepted: CheckedQuestion[],
    seen: Set<string>,
    emit?: Emit,
    onFirstText?: () => void,
    maxTokens?: number,
  ): Promise<{ cut: boolean; maxTokens: number }> {
    const base = withSettings(
      runtime,
      quizPrompt(
        request,
        wanted,
        accepted.map((q) => q.question),
      ),
    );
    const prompt = maxTokens ? { ...base, maxTokens } : base;
    const limit = accepted.length + wanted;
    const take = (candidates: unknown[]) => {
      const { kept } = curateQuestions(
        candidates.map((candidate) =>
          nullsToAbsent(candidate, QUESTION_JSON_SCHEMA),
        ),
        request.content,
        seen,
        limit - accepted.length,
        existingKeys(request.existing_questions),
      );
      for (const question of kept) {
        accepted.push(question);
        emit?.(question, accepted.length - 1);
      }
    };
    let text = "";
    let cut = false;
    if (emit) {
      const scanner = new JsonArrayItemScanner();
      for await (const part of runtime.provider.stream(prompt, call)) {
        if (part.type !== "text") {
          cut = wasCut(part);
          continue;
        }
        if (!text) {
          onFirstText?.();
        }
        text += part.text;
        const items = scanner.feed(part.text);
        const candidates = items
          .map((item) => extractJson(item))
          .filter((r) => r.ok)
          .map((r) => (r as { value: unknown }).value);
        take(candidates);
      }
    } else {
      const result = await runtime.provider.generate(prompt, call);
      text = result.text;
      cut = wasCut(result);
    }
    // The whole answer once more: repairs may recover questions the incremental scan could not read.
    const whole = extractJson(text);
    if (whole.ok) {
      const value = whole.value as { questions?: unknown };
      if (Array.isArray(value)) {
        take(value);
      } else if (Array.isArray(value?.questions)) {
        take(value.questions);
      }
    }
    return {
      cut,
      maxTokens: prompt.maxTokens ?? runtime.config.maxOutputTokens,
    };
  }

  async function generate(
    request: QuizRequest,
    call: CallContext,
    emit?: Emit,
    onFirstText?: () => void,
  ): Promise<CheckedQuestion[]> {
    const accepted: CheckedQuestion[] = [];
    const seen = new Set<string>();
    const { count } = request.options;
    const first = await ask(
      request,
      call,
      count,
      accepted,
      seen,
      emit,
      onFirstText,
    );
    let last = first;
    if (accepted.length < count) {
      runtime.metrics.reasks.inc({ task: "quiz" });
      // Questions cut off at the output limit are asked for again with twice the budget.
      const budget = first.cut
        ? Math.min(first.maxTokens * 2, MAX_RETRY_OUTPUT_TOKENS)
        : undefined;
      if (first.cut) {
        runtime.metrics.truncations.inc({
          task: "quiz",
          outcome: "retried",
        });
      }
      last = await ask(
        request,
        call,
        count - accepted.length,
        accepted,
        seen,
        emit,
        undefined,
        budget,
      );
    }
    if (accepted.length === 0 && last.cut) {
      runtime.metrics.truncations.inc({
        task: "quiz",
        outcome: "failed",
      });
      throw truncated(last.maxTokens);
    }
    if (accepted.length === 0) {
      throw new ProxyError(
        "invalid_model_output",
        "the model produced no valid question, even when asked again",
      );
    }
    return accepted;
  }

  async function replay(
    sse: SseResponse,
    request: QuizRequest,
    response: QuizResponse,
  ) {
    sse.event("delta", { text: intro(request) });
    for (const [index, question] of response.questions.entries()) {
      await nextTick();
      sse.event("questions", { questions: [question], index });
    }
    sse.event("done", response);
    sse.end();
  }

  return async function handle(
    httpRequest: FastifyRequest,
    reply: FastifyReply,
  ) {
    const request = parseBody(QuizRequestSchema, httpRequest.body);
    const wantsStream = request.stream === true;
    const sse = new SseResponse(reply);

    if (runtime.provider.demo) {
      const { kept } = curateQuestions(
        demoQuizQuestions(request.content, request.options),
        request.content,
        new Set(),
        request.options.count,
        existingKeys(request.existing_questions),
      );
      const response = respond(request, kept, true);
      if (!wantsStream) {
        return response;
      }
      await replay(sse, request, response);
      return reply;
    }

    const key = taskCacheKey(
      runtime,
      "quiz",
      version,
      withSettings(runtime, quizPrompt(request, request.options.count)),
    );
    const cached = await runtime.cache.get("quiz", key);
    if (cached !== undefined) {
      reply.header("x-mpcc-cache", "hit");
      if (!wantsStream) {
        // The stored JSON is the answer's body: sent as is, not parsed and serialized again.
        return reply.type("application/json").send(cached);
      }
      const response = JSON.parse(cached) as QuizResponse;
      await replay(sse, request, response);
      return reply;
    }

    const call = createCallContext(
      httpRequest,
      reply,
      runtime.config.deadlines.totalMs,
    );
    try {
      if (!wantsStream) {
        const { value, shared } = await runtime.cache.share(
          "quiz",
          key,
          call.signal,
          async (signal) => {
            const response = respond(
              request,
              await generate(request, { ...call, signal }),
              false,
            );
            // Serialized once: the same text is stored and sent.
            const text = JSON.stringify(response);
            await runtime.cache.set(key, text);
            return text;
          },
        );
        reply.header("x-mpcc-cache", shared ? "shared" : "miss");
        return reply.type("application/json").send(value);
      }
      reply.header("x-mpcc-cache", "miss");
      try {
        const questions = await generate(
          request,
          call,
          (question, index) =>
            sse.event("questions", {
              questions: [question],
              index,
            }),
          () => sse.event("delta", { text: intro(request) }),
        );
        const response = respond(request, questions, false);
        sse.event("done", response);
        sse.end();
        await runtime.cache.set(key, JSON.stringify(response));
      } catch (error) {
        if (!sse.started) {
          throw error;
        }
        if (error instanceof ClientClosedError) {
          sse.end();
        } else {
          sse.fail(toProxyError(error, runtime.log));
        }
      }
      return reply;
    } finally {
      call.dispose();
    }
  };
}
