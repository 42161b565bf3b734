using Kiln.Cli;

return await KilnCommandLine.RunAsync(args).ConfigureAwait(false);
