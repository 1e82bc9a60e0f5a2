using System.Collections.Concurrent;

namespace LlmSpell.Scripting;

/// <summary>
/// Owns the script thread's side of runtime.md §4: script-facing calls block on async work, and
/// while they wait the script thread keeps running script callbacks queued by worker threads
/// (hooks, Lua tools, parallel workflow branches). Script code therefore never runs on two threads.
/// </summary>
/// <remarks>Thread-safe. Create one per run on the script thread.</remarks>
public sealed class ScriptDispatcher
{
    private readonly int _scriptThreadId = Environment.CurrentManagedThreadId;
    private readonly BlockingCollection<Action> _queue = new(new ConcurrentQueue<Action>());

    public ScriptDispatcher(CancellationToken runToken)
    {
        RunToken = runToken;
    }

    /// <summary>Cancelled by Ctrl+C or the run time limit.</summary>
    public CancellationToken RunToken { get; }

    /// <summary>True on the thread that owns the script state.</summary>
    public bool IsScriptThread => Environment.CurrentManagedThreadId == _scriptThreadId;

    /// <summary>
    /// Blocks the script thread until <paramref name="task"/> finishes, running queued script work
    /// meanwhile. On a worker thread it simply waits.
    /// </summary>
    public T Wait<T>(Task<T> task)
    {
        WaitCore(task);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>As <see cref="Wait{T}(Task{T})"/> for tasks without a result.</summary>
    public void Wait(Task task)
    {
        WaitCore(task);
        task.GetAwaiter().GetResult();
    }

    /// <summary>Runs async work with the run's cancellation token and waits for it.</summary>
    public T Run<T>(Func<CancellationToken, Task<T>> work) => Wait(work(RunToken));

    /// <summary>Runs script-thread work (a callback) from any thread and returns its result.</summary>
    public T Invoke<T>(Func<T> work)
    {
        if (IsScriptThread)
        {
            return work();
        }

        var tcs = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(() =>
        {
            try
            {
                tcs.SetResult(work());
            }
            catch (Exception ex)
            {
                tcs.SetException(ex);
            }
        });
        return tcs.Task.GetAwaiter().GetResult();
    }

    /// <summary>Queues work for the script thread without waiting (event callbacks).</summary>
    public void Post(Action work) => _queue.Add(work);

    /// <summary>Runs queued work now, waiting up to <paramref name="timeout"/> for the first item. Returns the number run.</summary>
    public int Pump(TimeSpan timeout)
    {
        var count = 0;
        if (_queue.TryTake(out var first, timeout))
        {
            first();
            count++;
            while (_queue.TryTake(out var next))
            {
                next();
                count++;
            }
        }

        return count;
    }

    private void WaitCore(Task task)
    {
        if (!IsScriptThread)
        {
            task.Wait(RunToken);
            return;
        }

        if (task.IsCompleted)
        {
            return;
        }

        // Wake the pump when the task finishes so the loop exits promptly.
        task.ContinueWith(static (_, q) => ((BlockingCollection<Action>)q!).Add(static () => { }), _queue, TaskScheduler.Default);
        while (!task.IsCompleted)
        {
            if (_queue.TryTake(out var work, Timeout.Infinite, RunToken))
            {
                work();
            }
        }
    }
}
