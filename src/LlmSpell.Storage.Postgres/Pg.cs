using LlmSpell.State.Storage;
using Npgsql;

namespace LlmSpell.Storage.Postgres;

/// <summary>Maps driver failures to <see cref="StorageException"/> with the server's message.</summary>
internal static class Pg
{
    public static async Task<T> Run<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (PostgresException ex)
        {
            throw new StorageException(ex.MessageText, ex);
        }
        catch (NpgsqlException ex)
        {
            throw new StorageException(ex.Message, ex);
        }
    }
}
