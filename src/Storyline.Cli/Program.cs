using Storyline.Cli;

return StorylineCli.Run(args, Console.In, Console.Out, Console.Error);
