using System.CommandLine;
using Storyline.Cli;
using Storyline.Cli.Commands;

return StorylineCli.Run(args, Console.In, Console.Out, Console.Error);
