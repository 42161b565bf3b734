using Kiln.Bake.Model;

namespace Kiln.Bake.Printing;

/// <summary>Prints a plan as <c>docker buildx bake --print</c> (0.13.1) does: groups if any, then targets, fields in table order.</summary>
internal static class BakePrinter
{
    public static string Print(BakePlan plan)
    {
        var w = new GoJsonWriter();
        w.BeginObject();
        if (plan.Groups.Count > 0)
        {
            w.Key("group");
            w.BeginObject();
            foreach (var (name, group) in plan.Groups)
            {
                w.Key(name);
                w.BeginObject();
                w.Key("targets");
                WriteList(w, group.Targets);
                w.EndObject();
            }

            w.EndObject();
        }

        w.Key("target");
        w.BeginObject();
        foreach (var (name, target) in plan.Targets)
        {
            w.Key(name);
            WriteTarget(w, target);
        }

        w.EndObject();
        w.EndObject();
        return w + "\n";
    }

    private static void WriteTarget(GoJsonWriter w, BakeTarget target)
    {
        w.BeginObject();
        foreach (var field in BakeFields.All)
        {
            if (!field.Printed || target.Get(field) is not { } value)
            {
                continue;
            }

            switch (value)
            {
                case BakeString s:
                    w.Key(field.Name);
                    w.Value(s.Value);
                    break;
                case BakeBool b:
                    w.Key(field.Name);
                    w.Value(b.Value);
                    break;
                case BakeList { Items.Length: > 0 } list:
                    w.Key(field.Name);
                    WriteList(w, list.Items);
                    break;
                case BakeMap { Entries.Count: > 0 } map:
                    w.Key(field.Name);
                    WriteMap(w, map);
                    break;
            }
        }

        w.EndObject();
    }

    private static void WriteList(GoJsonWriter w, IEnumerable<string> items)
    {
        w.BeginArray();
        foreach (var item in items)
        {
            w.Value(item);
        }

        w.EndArray();
    }

    private static void WriteMap(GoJsonWriter w, BakeMap map)
    {
        w.BeginObject();
        foreach (var (key, value) in map.Entries)
        {
            w.Key(key);
            if (value is null)
            {
                w.Null();
            }
            else
            {
                w.Value(value);
            }
        }

        w.EndObject();
    }
}
