namespace Kiln.Registry;

/// <summary>Reads the rel="next" target of an RFC 8288 Link header, as registries use it to page tag lists.</summary>
internal static class LinkHeader
{
    /// <summary>The next page's URL resolved against the current request URL, or null when there is none.</summary>
    public static Uri? Next(HttpResponseMessage response)
    {
        if (!response.Headers.NonValidated.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            if (ParseNext(value) is { } target && response.RequestMessage?.RequestUri is { } current)
            {
                return new Uri(current, target);
            }
        }

        return null;
    }

    /// <summary>The URI-reference of the first link whose rel includes "next".</summary>
    public static string? ParseNext(string header)
    {
        var position = 0;
        while (position < header.Length)
        {
            var open = header.IndexOf('<', position);
            if (open < 0)
            {
                return null;
            }

            var close = header.IndexOf('>', open + 1);
            if (close < 0)
            {
                return null;
            }

            var target = header[(open + 1)..close];
            var nextLink = header.IndexOf('<', close + 1);
            var parameters = nextLink < 0 ? header[(close + 1)..] : header[(close + 1)..nextLink];
            foreach (var parameter in parameters.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = parameter.IndexOf('=', StringComparison.Ordinal);
                if (eq < 0 || !parameter[..eq].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var rels = parameter[(eq + 1)..].Trim().Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (rels.Any(r => r.Equals("next", StringComparison.OrdinalIgnoreCase)))
                {
                    return target;
                }
            }

            position = nextLink < 0 ? header.Length : nextLink;
        }

        return null;
    }
}
