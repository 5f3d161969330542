namespace PublicServices.Platform.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }
