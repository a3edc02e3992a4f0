import type { FastifyReply, FastifyRequest } from "fastify";
import {
  ClientClosedError,
  createCallContext,
  type CallContext,
} from "../call-context";
import { ProxyError } from "../errors";
import { StreamingStringField } from "../output/streaming-field";
import { streamChunks } from "../providers/demo/text-analysis";
import { SseResponse } from "../sse/sse-response";
import { parseBody, toProxyError } from "./request-body";
import type { StructuredTask } from "./structured-tasks";
import {
  askWithLargerBudget,
  InvalidModelOutput,
  nextTick,
  wasCut,
  reaskPrompt,
  schemaVersion,
  taskCacheKey,
  withSettings,
  type TaskRuntime,
} from "./task-runtime";

/**
 * Runs one structured task: demo answers offline; real providers go through the cache, the
 * in-flight sharing, the model call, parsing, one re-ask, and response validation. With
 * `stream: true` the same result is delivered as SSE: delta…, the structured event, done.
 */
export function structuredTaskHandler<
  Req extends { stream?: boolean },
  Out extends object,
>(task: StructuredTask<Req, Out>, runtime: TaskRuntime) {
  const version = schemaVersion(task.responseSchema);

  async function generate(
    request: Req,
    call: CallContext,
    prompt: ReturnType<typeof withSettings>,
  ): Promise<Out> {
    let first = await runtime.provider.generate(prompt, call);
    if (wasCut(first)) {
      first = await askWithLargerBudget(runtime, task.name, prompt, call);
    }
    try {
      return task.parse(first.text, request);
    } catch (error) {
      if (!(error instanceof InvalidModelOutput)) {
        throw error;
      }
      return reask(request, call, prompt, first.text, error);
    }
  }

  async function reask(
    request: Req,
    call: CallContext,
    prompt: ReturnType<typeof withSettings>,
    bad: string,
    error: InvalidModelOutput,
  ): Promise<Out> {
    runtime.metrics.reasks.inc({ task: task.name });
    runtime.log.info(
      { task: task.name, reason: error.reason },
      "model output invalid; asking once more",
    );
    const second = await runtime.provider.generate(
      reaskPrompt(prompt, bad, error.reason),
      call,
    );
    try {
      return task.parse(second.text, request);
    } catch (again) {
      if (again instanceof InvalidModelOutput) {
        throw new ProxyError(
          "invalid_model_output",
          `the model's answer was invalid twice: ${again.reason}`,
        );
      }
      throw again;
    }
  }

  function validated(output: Out, demo: boolean): Out & { demo: boolean } {
    const response = { ...output, demo };
    const check = task.responseSchema.safeParse(response);
    if (!check.success) {
      throw new ProxyError(
        "invalid_model_output",
        "the answer does not match the response schema",
      );
    }
    return response;
  }

  /** Demo answers and cache hits: already complete, streamed in a few chunks. */
  async function replay(
    sse: SseResponse,
    response: Out & { demo: boolean },
  ): Promise<void> {
    for (const chunk of streamChunks(task.deltaText(response), 6)) {
      sse.event("delta", { text: chunk });
      await nextTick();
    }
    for (const [name, data] of task.events(response)) {
      sse.event(name, data);
    }
    sse.event("done", response);
    sse.end();
  }

  async function stream(
    request: Req,
    call: CallContext,
    prompt: ReturnType<typeof withSettings>,
    sse: SseResponse,
  ): Promise<Out & { demo: boolean }> {
    let text = "";
    let cut = false;
    let sentDelta = false;
    const field = task.deltaField
      ? new StreamingStringField(task.deltaField)
      : undefined;
    for await (const part of runtime.provider.stream(prompt, call)) {
      if (part.type !== "text") {
        cut = wasCut(part);
        continue;
      }
      text += part.text;
      const delta = field ? field.feed(part.text) : part.text;
      if (delta) {
        sse.event("delta", { text: delta });
        sentDelta = true;
      }
    }
    if (cut) {
      // The deltas already sent are the start of the cut answer; `done` carries the whole new one.
      text = (await askWithLargerBudget(runtime, task.name, prompt, call)).text;
    }
    let output: Out;
    try {
      output = task.parse(text, request);
    } catch (error) {
      if (!(error instanceof InvalidModelOutput)) {
        throw error;
      }
      // Nothing is retried after bytes went out, but a re-ask is a new question: its result is authoritative in `done`.
      output = await reask(request, call, prompt, text, error);
    }
    const response = validated(output, false);
    if (!sentDelta) {
      sse.event("delta", { text: task.deltaText(response) });
    }
    for (const [name, data] of task.events(response)) {
      sse.event(name, data);
    }
    sse.event("done", response);
    sse.end();
    return response;
  }

  return async function handle(
    httpRequest: FastifyRequest,
    reply: FastifyReply,
  ) {
    const request = parseBody(task.requestSchema, httpRequest.body);
    const wantsStream = request.stream === true;
    const sse = new SseResponse(reply);

    if (runtime.provider.demo) {
      const response = validated(task.demo(request), true);
      if (!wantsStream) {
        return response;
      }
      await replay(sse, response);
      return reply;
    }

    const prompt = withSettings(runtime, task.prompt(request));
    const key = taskCacheKey(runtime, task.name, version, prompt);
    const cached = await runtime.cache.get(task.name, key);
    if (cached !== undefined) {
      reply.header("x-mpcc-cache", "hit");
      if (!wantsStream) {
        // The stored JSON is the answer's body: sent as is, not parsed and serialized again.
        return reply.type("application/json").send(cached);
      }
      const response = JSON.parse(cached) as Out & { demo: boolean };
      await replay(sse, response);
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
          task.name,
          key,
          call.signal,
          async (signal) => {
            const response = validated(
              await generate(request, { ...call, signal }, prompt),
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
        const response = await stream(request, call, prompt, sse);
        await runtime.cache.set(key, JSON.stringify(response));
      } catch (error) {
        if (!sse.started) {
          throw error;
        }
        if (!(error instanceof ClientClosedError)) {
          sse.fail(toProxyError(error, runtime.log));
        } else {
          sse.end();
        }
      }
      return reply;
    } finally {
      call.dispose();
    }
  };
}
